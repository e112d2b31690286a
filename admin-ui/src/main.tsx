import { render } from 'preact';

render(<main><h1>管理后台</h1></main>, document.getElementById('app')!);
