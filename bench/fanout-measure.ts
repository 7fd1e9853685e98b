/** Wall time, CPU time and resident memory of this process over one phase of the benchmark. */
export interface PhaseFigures {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  peakHeapMb: number;
}

export interface Probe {
  /** RSS and V8 heap in use (MB) now. */
  memory(): { rssMb: number; heapMb: number };
  stop(): PhaseFigures;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export function startProbe(sampleMs = 100): Probe {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let peak = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, sampleMs);
  return {
    memory: () => {
      const m = process.memoryUsage();
      return { rssMb: mb(m.rss), heapMb: mb(m.heapUsed) };
    },
    stop() {
      clearInterval(timer);
      sample();
      const cpu = process.cpuUsage(cpu0);
      return { wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: mb(peak), peakHeapMb: mb(peakHeap) };
    },
  };
}

export const fmt = (n: number, digits = 1) => n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
