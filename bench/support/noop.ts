/** Starts and exits: what `node --import tsx` costs before any of the hall is loaded. */
export {};
