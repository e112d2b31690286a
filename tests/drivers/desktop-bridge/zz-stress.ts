import { startXterm } from './xterm-harness.js';
import { createTypist } from '../../../drivers/desktop-bridge/typist.js';
const x = await startXterm();
process.env.DISPLAY = x.display;
let bad = 0;
try {
  const typist = createTypist();
  const id = { idNumber: '11010519491231002X', name: '张三', address: '北京市朝阳区建国路88号3单元' };
  for (let i = 0; i < 60; i++) {
    const r = await typist.fill(id, { name: 'm', selection: 'primary', pasteKey: 'Shift+Insert', steps: [{ field: 'idNumber' }, { key: 'Enter' }, { field: 'name' }, { key: 'Enter' }, { field: 'address' }, { key: 'Enter' }] });
    const lines = await x.takeLines(3);
    if (lines[1] !== id.name || lines[2] !== id.address || !r.ok) {
      bad++;
      console.log('BAD', i, JSON.stringify(lines), JSON.stringify(r));
      if (bad > 2) break;
    }
  }
  console.log('bad', bad);
} finally { await x.close(); }
