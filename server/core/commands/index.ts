import { cancelAppointment, createAppointment, checkInAppointment } from './appointments.js';
import { deleteConfig, saveArea, savePriorityClass, saveService, saveSettings, saveStaff, saveWindow } from './config.js';
import { closeDay, closeWindowsAfterHours } from './day.js';
import { rateFix, recordFollowUp } from './follow-ups.js';
import { issueTicket } from './issue.js';
import { postCaseNumber, rateVisit } from './ratings.js';
import { cancelTicket, requeueTicket, transferTicket } from './ticket-moves.js';
import { callNext, callTicket, finishService, markNoShow, recall, startService } from './window-calls.js';
import { setWindowStatus } from './window-status.js';

/** Every command that changes the hall, by name. Transports look a name up here and nowhere else. */
export const commands = {
  issueTicket, cancelTicket, requeueTicket, transferTicket,
  callNext, callTicket, recall, startService, finishService, markNoShow,
  setWindowStatus,
  createAppointment, checkInAppointment, cancelAppointment,
  saveArea, saveService, saveWindow, saveStaff, savePriorityClass, saveSettings, deleteConfig,
  closeDay, closeWindowsAfterHours,
  rateVisit, postCaseNumber, recordFollowUp, rateFix,
};

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandArgs<N extends CommandName> = Parameters<Commands[N]>[1];
export type CommandResult<N extends CommandName> = Extract<ReturnType<Commands[N]>, { ok: true }>['result'];
export type { Decision, CommandContext, Handler } from './decision.js';
