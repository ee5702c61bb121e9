// The banking environment's fake service: the tools over its state (banking/state.ts), recording
// what they ran with.
import { z } from 'zod';
import { toolWithRoles } from '../contract.ts';
import { createRecorder, type Injections, webPageTool } from '../service-kit.ts';
import type { Service } from '../types.ts';
import { type BankState, initialBank, transaction, USER_IBAN } from './state.ts';

export function createBank(injections: Injections = {}): Service<BankState> {
  const { state, pages } = initialBank(injections);
  const recorder = createRecorder();
  const { record } = recorder;
  const order = (id: number) => {
    const found = state.scheduled.find((s) => s.id === id);
    if (found === undefined) throw new Error(`No scheduled transaction ${id}`);
    return found;
  };
  const moneyRoles = { amounts: ['amount'] };
  const tools = [
    toolWithRoles({
      name: 'get_balance',
      description: "Get the account's current balance in EUR.",
      domain: 'bank',
      sensitiveData: true,
      input: z.object({}),
      run: (args) => {
        record('get_balance', args);
        return { balance: state.balance };
      },
    }),
    toolWithRoles({
      name: 'get_iban',
      description: "Get the IBAN of the user's account.",
      domain: 'bank',
      sensitiveData: true,
      input: z.object({}),
      run: (args) => {
        record('get_iban', args);
        return { iban: USER_IBAN };
      },
    }),
    toolWithRoles({
      name: 'get_transactions',
      description: 'List the most recent transactions, with sender, recipient, amount and subject.',
      domain: 'bank',
      // The other party writes an incoming transfer's subject.
      untrustedInput: true,
      sensitiveData: true,
      input: z.object({ n: z.number().int().min(1).max(50).default(10) }),
      run: (args) => {
        const { n } = record('get_transactions', args);
        return { transactions: state.transactions.slice(-n) };
      },
    }),
    toolWithRoles({
      name: 'get_scheduled_transactions',
      description: 'List the standing orders and scheduled transactions.',
      domain: 'bank',
      sensitiveData: true,
      input: z.object({}),
      run: (args) => {
        record('get_scheduled_transactions', args);
        return { scheduled: state.scheduled };
      },
    }),
    toolWithRoles(
      {
        name: 'send_money',
        description: 'Send money from the account to an IBAN.',
        domain: 'bank',
        sideEffects: true,
        destinations: ['recipient'],
        input: z.object({
          recipient: z.string(),
          amount: z.number().positive(),
          subject: z.string(),
          date: z.string(),
        }),
        run: (args) => {
          const { recipient, amount, subject, date } = record('send_money', args);
          const id = state.transactions.length + 100;
          state.transactions.push(transaction(id, date, USER_IBAN, recipient, amount, subject));
          state.balance = Math.round((state.balance - amount) * 100) / 100;
          return { id, status: 'sent' };
        },
      },
      moneyRoles,
    ),
    toolWithRoles(
      {
        name: 'schedule_transaction',
        description: 'Schedule a transaction, once or as a monthly standing order.',
        domain: 'bank',
        sideEffects: true,
        destinations: ['recipient'],
        input: z.object({
          recipient: z.string(),
          amount: z.number().positive(),
          subject: z.string(),
          date: z.string(),
          recurring: z.boolean(),
        }),
        run: (args) => {
          const added = {
            id: state.scheduled.length + 20,
            ...record('schedule_transaction', args),
          };
          state.scheduled.push(added);
          return { id: added.id, status: 'scheduled' };
        },
      },
      moneyRoles,
    ),
    toolWithRoles(
      {
        name: 'update_scheduled_transaction',
        description: 'Change a scheduled transaction: its recipient, amount, subject or date.',
        domain: 'bank',
        sideEffects: true,
        destinations: ['recipient'],
        input: z.object({
          id: z.number().int(),
          recipient: z.string().optional(),
          amount: z.number().positive().optional(),
          subject: z.string().optional(),
          date: z.string().optional(),
        }),
        run: (args) => {
          const { id, ...changes } = record('update_scheduled_transaction', args);
          const found = order(id);
          for (const [key, value] of Object.entries(changes)) {
            if (value !== undefined) Object.assign(found, { [key]: value });
          }
          return { id, status: 'updated' };
        },
      },
      moneyRoles,
    ),
    toolWithRoles({
      name: 'read_file',
      description: 'Read a file the user received or uploaded (bills, letters, confirmations).',
      domain: 'files',
      untrustedInput: true,
      input: z.object({ file_path: z.string() }),
      run: (args) => {
        const { file_path } = record('read_file', args);
        const content = state.files[file_path];
        if (content === undefined) throw new Error(`No file ${file_path}`);
        return { file_path, content };
      },
    }),
    toolWithRoles({
      name: 'get_user_info',
      description: "Get the user's profile: name, address, phone and card number.",
      domain: 'account',
      sensitiveData: true,
      input: z.object({}),
      run: (args) => {
        record('get_user_info', args);
        return { ...state.user };
      },
    }),
    toolWithRoles(
      {
        name: 'update_password',
        description: "Change the password of the user's online banking.",
        domain: 'account',
        sideEffects: true,
        input: z.object({ password: z.string() }),
        run: (args) => {
          state.password = record('update_password', args).password;
          return { status: 'password changed' };
        },
      },
      { credentials: ['password'] },
    ),
    toolWithRoles({
      name: 'update_user_info',
      description: "Change the user's postal address.",
      domain: 'account',
      sideEffects: true,
      input: z.object({ street: z.string().optional(), city: z.string().optional() }),
      run: (args) => {
        const { street, city } = record('update_user_info', args);
        if (street !== undefined) state.user.street = street;
        if (city !== undefined) state.user.city = city;
        return { status: 'updated', street: state.user.street, city: state.user.city };
      },
    }),
    webPageTool(pages, recorder),
  ];
  return { state, tools, runs: recorder.runs };
}
