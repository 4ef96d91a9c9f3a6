import { readFileSync } from 'node:fs';

/** The machine's CPU time so far (/proc/stat, in clock ticks): busy, idle, and its number of cores. */
function cpuTimes(): { busy: number; idle: number; cores: number } {
  const lines = readFileSync('/proc/stat', 'utf8').split('\n');
  const [user, nice, system, idle, iowait, irq, softirq, steal] = lines[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  // Interrupt work (the network's softirq under load) counts as busy: os.cpus() leaves it out.
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, idle: idle + iowait, cores: lines.filter((line) => /^cpu\d/.test(line)).length };
}

/** The machine's cores, and the share of them that were busy over a span. */
export interface MachineCpu {
  cores: number;
  busy: number;
}

/**
 * Watches the whole machine from now on (load generator, containers and engine alike); the function
 * it returns tells how busy its cores were since. A latency measured with the cores near fully busy
 * is a wait for the CPU, not the work of the step measured.
 */
export function watchMachineCpu(): () => MachineCpu {
  const start = cpuTimes();
  return () => {
    const now = cpuTimes();
    const busy = now.busy - start.busy;
    return { cores: start.cores, busy: busy / (busy + now.idle - start.idle) };
  };
}
