import { useState } from 'react';

/**
 * The latest `value` seen while `settled` was true. A view showing a query's previous answer while the next
 * one loads pairs that answer with the inputs it was computed for (not the new ones), so nothing is drawn
 * twice: once for the new inputs on the old answer, once more when the new answer arrives.
 */
export function useSettled<T>(value: T, settled: boolean): T {
  const [kept, setKept] = useState(value);
  // Adjusted during render, as React recommends for state that follows props.
  if (settled && kept !== value) setKept(value);
  return settled ? value : kept;
}
