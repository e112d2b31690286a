export * from './i18n.js';
export * from './config-entities.js';
export * from './queue-entities.js';
export * from './commands.js';
export * from './realtime.js';
export * from './device-messages.js';
export * from './ratings.js';
export * from './stats.js';
