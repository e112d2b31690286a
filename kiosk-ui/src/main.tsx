import { render } from 'preact';
import { KioskApp } from './kiosk/kiosk-app.js';
import './shared/base.css';
import './kiosk/kiosk.css';
import './kiosk/kiosk-landscape.css';

render(<KioskApp />, document.getElementById('app')!);
