import { DeviceTokenStore } from '../../../protocol/device-token.js';

const store = new DeviceTokenStore('hall.kiosk.deviceToken');
export const takeDeviceToken = () => store.take();
export const saveDeviceToken = (token: string) => store.save(token);
export const forgetDeviceToken = () => store.forget();
