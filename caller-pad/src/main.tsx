import { render } from 'preact';
import { PadApp } from './pad-app.js';
import { RatingApp } from './rating/rating-app.js';
import './pad.css';
import './desk.css';
import './rating/rating.css';

// One page, two screens: the staff desk at /pad/ and the visitor-facing rating screen at /pad/rate.
const isRating = location.pathname.replace(/\/+$/, '').endsWith('/pad/rate');
document.title = isRating ? '服务评价' : '窗口叫号';
render(isRating ? <RatingApp /> : <PadApp />, document.getElementById('app')!);
