/**
 * Files the next start reads before anything else, kept in the origin's private file system (OPFS) beside the
 * workspace's IndexedDB: the browser's first read of that database waits for the whole store (seconds once a
 * thousand reports are kept), while a file is read in a few milliseconds. They are valid only while the
 * workspace is as it was when they were written: every change to the workspace removes them before it is
 * stored, and they are written only after checking the workspace's version, both under one lock shared by the
 * browser's tabs ({@link workspaceLock}).
 */

/** Text files by name; reads give null for a file that is not there (or a store that cannot be read). */
export interface FileStore {
  read(name: string): Promise<string | null>;
  write(name: string, text: string): Promise<void>;
  remove(name: string): Promise<void>;
}

const DIRECTORY = 'start';

/** The origin's private file system, or null where the browser has none (or no writable files on the page). */
export function opfsFiles(): FileStore | null {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return null;
  if (typeof FileSystemFileHandle === 'undefined' || !('createWritable' in FileSystemFileHandle.prototype)) return null;
  const directory = () => navigator.storage.getDirectory().then((root) => root.getDirectoryHandle(DIRECTORY, { create: true }));
  return {
    async read(name) {
      try {
        const file = await (await (await directory()).getFileHandle(name)).getFile();
        return await file.text();
      } catch {
        return null;
      }
    },
    async write(name, text) {
      const writable = await (await (await directory()).getFileHandle(name, { create: true })).createWritable();
      // The file is replaced as a whole when the stream closes: a reader never sees half of it.
      await writable.write(text);
      await writable.close();
    },
    async remove(name) {
      try {
        await (await directory()).removeEntry(name);
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
      }
    },
  };
}

/** Files held in memory (for tests, and where the browser has no file system of its own). */
export function memoryFiles(): FileStore {
  const files = new Map<string, string>();
  return {
    read: (name) => Promise.resolve(files.get(name) ?? null),
    write: (name, text) => {
      files.set(name, text);
      return Promise.resolve();
    },
    remove: (name) => {
      files.delete(name);
      return Promise.resolve();
    },
  };
}

/** The app's start files: the origin's file system, else none kept beyond the page (memory). */
export const startFiles: FileStore = opfsFiles() ?? memoryFiles();

/**
 * Runs `work` holding the workspace's lock, across the browser's tabs (Web Locks): a change to the workspace
 * and the writing of its start files never interleave. Where the browser has no locks, `work` runs as it is.
 */
export function workspaceLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request('figures-board-workspace', work) as Promise<T>) : work();
}

/** The names of the start files (each change to the workspace removes them all). */
export const START_FILES = { answers: 'answers.json' } as const;

/** Removes every start file: called, under the lock, before a change to the workspace is stored. */
export async function forgetStartFiles(files: FileStore = startFiles): Promise<void> {
  await Promise.all(Object.values(START_FILES).map((name) => files.remove(name)));
}
