import { render } from 'preact';

render(<main><h1>叫号器</h1></main>, document.getElementById('app')!);
