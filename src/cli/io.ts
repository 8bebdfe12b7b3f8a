/** Where a command writes: the terminal in use, a buffer in tests. Its own module so commands need not import main. */
export type Io = { out: (s: string) => void; err: (s: string) => void };
