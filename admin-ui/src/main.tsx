import { render } from 'preact';
import { AdminApp } from './app/admin-app.js';
import './admin.css';
import './pages.css';

render(<AdminApp />, document.getElementById('app')!);
