import { render } from 'preact';

render(<main><h1>取号机</h1></main>, document.getElementById('app')!);
