// Loaded into a server process with NODE_OPTIONS=--import (where --cpu-prof is not allowed): profiles its main
// thread from start to exit and writes a .cpuprofile into CARELOOP_PROFILE_DIR (see consultations.bench.ts).
import { Session } from 'node:inspector';
import process from 'node:process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.CARELOOP_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.once('exit', () => {
    // The main thread's own session answers synchronously, so this runs to the end before the process exits.
    session.post('Profiler.stop', (err, result) => {
      if (!err)
        writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
