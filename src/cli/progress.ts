/** One redrawn terminal line: files done of total, a bar, the rate and the time left, the current file. */
export function progressLine(done: number, total: number, elapsedMs: number, file: string, width = 24): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? Math.round((total - done) / rate) : undefined;
  const time = left === undefined ? "--:--" : `${String(Math.floor(left / 60)).padStart(2, "0")}:${String(left % 60).padStart(2, "0")}`;
  const name = file.length > 40 ? `…${file.slice(-39)}` : file;
  return `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} tệp · ${rate.toFixed(1)} tệp/giây · còn ${time} · ${name}\u001b[K`;
}
