import { render } from 'preact';
import { PhoneApp } from './phone/phone-app.js';
import './shared/base.css';
import './phone/phone.css';

render(<PhoneApp />, document.getElementById('app')!);
