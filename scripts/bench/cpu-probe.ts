/**
 * A fixed piece of single-threaded work, timed: how fast the machine is right now. On a shared machine the same
 * code measured 460–640 ms here within one hour, so a benchmark run is only comparable with runs made at a
 * similar probe time (the load average does not show the other tenants of a virtual machine).
 */
export function cpuProbeMs(rounds = 3): number {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const t0 = performance.now();
    let x = 0;
    for (let i = 0; i < 300_000_000; i++) x += i % 7;
    times.push(performance.now() - t0);
    // Keeps the loop from being optimised away.
    if (x === -1) throw new Error('unreachable');
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] ?? 0);
}
