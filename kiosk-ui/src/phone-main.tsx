import { render } from 'preact';

render(<main><h1>排队进度</h1></main>, document.getElementById('app')!);
