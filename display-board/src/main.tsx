import { render } from 'preact';

render(<main><h1>叫号大屏</h1></main>, document.getElementById('app')!);
