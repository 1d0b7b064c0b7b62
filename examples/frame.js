// The iframe example: listens to the framed app's messages (from its origin only), fits the
// frame to the app's height, and can sign the shopper out.
import { log } from './shop.js';

const frame = document.getElementById('app');
const app = new URL(frame.src).origin;

window.addEventListener('message', (event) => {
  if (event.origin !== app || event.source !== frame.contentWindow) return;
  const message = event.data;
  if (message?.source !== 'commerce-otp' || message.version !== 1) return;
  if (message.type === 'resize') {
    frame.style.height = `${message.detail.height}px`;
    return;
  }
  log(message.type, message.detail);
});

document.getElementById('sign-out').addEventListener('click', () => {
  frame.contentWindow.postMessage({ source: 'commerce-otp', version: 1, type: 'sign-out' }, app);
});
