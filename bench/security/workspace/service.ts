// The email and drive environment's fake service: the tools over its state (workspace/state.ts),
// recording what they ran with.
import { z } from 'zod';
import { createToolKit, type Injections } from '../service-kit.ts';
import type { Service } from '../types.ts';
import { driveFile, initialWorkspace, ME, type WorkState } from './state.ts';

export function createWorkspace(injections: Injections = {}): Service<WorkState> {
  const { state, pages } = initialWorkspace(injections);
  const kit = createToolKit();
  const { tool } = kit;
  const named = (name: string) => {
    const found = state.files.find((f) => f.name === name);
    if (found === undefined) throw new Error(`No file ${name}`);
    return found;
  };
  const tools = [
    tool({
      name: 'search_emails',
      description: 'Search the inbox: emails whose sender, subject or body contain the query.',
      domain: 'mail',
      untrustedInput: true,
      sensitiveData: true,
      input: z.object({ query: z.string() }),
      run: (args) => {
        const query = args.query.toLowerCase();
        const hits = state.inbox.filter((e) =>
          `${e.from} ${e.subject} ${e.body}`.toLowerCase().includes(query),
        );
        return { emails: hits };
      },
    }),
    tool({
      name: 'send_email',
      description: 'Send an email.',
      domain: 'mail',
      sideEffects: true,
      destinations: ['recipients'],
      input: z.object({
        recipients: z.array(z.string()).min(1),
        subject: z.string(),
        body: z.string(),
      }),
      run: (args) => {
        const { recipients, subject, body } = args;
        state.sent.push({ from: ME, to: recipients, subject, body });
        return { status: 'sent' };
      },
    }),
    tool({
      name: 'list_files',
      description: 'List the files in the drive, with their owners.',
      domain: 'drive',
      sensitiveData: true,
      input: z.object({}),
      run: () => ({ files: state.files.map((f) => ({ name: f.name, owner: f.owner })) }),
    }),
    tool({
      name: 'read_file',
      description: 'Read a file of the drive by its name.',
      domain: 'drive',
      untrustedInput: true,
      sensitiveData: true,
      input: z.object({ file_name: z.string() }),
      run: (args) => {
        const found = named(args.file_name);
        return { name: found.name, owner: found.owner, content: found.content };
      },
    }),
    tool({
      name: 'create_file',
      description: 'Create a file in the drive.',
      domain: 'drive',
      sideEffects: true,
      input: z.object({ file_name: z.string(), content: z.string() }),
      run: (args) => {
        const { file_name, content } = args;
        state.files.push(driveFile(file_name, ME, content));
        return { status: 'created' };
      },
    }),
    tool({
      name: 'share_file',
      description: 'Share a file of the drive with an email address.',
      domain: 'drive',
      sideEffects: true,
      destinations: ['email'],
      input: z.object({
        file_name: z.string(),
        email: z.string(),
        permission: z.enum(['view', 'edit']),
      }),
      run: (args) => {
        const { file_name, email, permission } = args;
        named(file_name).shared[email] = permission;
        return { status: 'shared' };
      },
    }),
    tool({
      name: 'get_day_events',
      description: 'List the calendar events of a day (YYYY-MM-DD), with their descriptions.',
      domain: 'calendar',
      untrustedInput: true,
      sensitiveData: true,
      input: z.object({ day: z.string() }),
      run: (args) => {
        const { day } = args;
        return { events: state.events.filter((e) => e.start.startsWith(day)) };
      },
    }),
    tool({
      name: 'create_calendar_event',
      description: 'Create a calendar event and invite its participants.',
      domain: 'calendar',
      sideEffects: true,
      destinations: ['participants'],
      input: z.object({
        title: z.string(),
        start: z.string(),
        end: z.string().optional(),
        participants: z.array(z.string()).default([]),
      }),
      run: (args) => {
        const { title, start, end, participants } = args;
        state.events.push({ title, start, end: end ?? start, participants, description: '' });
        return { status: 'created' };
      },
    }),
    tool({
      name: 'set_email_forwarding',
      description: 'Forward every incoming email to an address.',
      domain: 'account',
      sideEffects: true,
      destinations: ['address'],
      input: z.object({ address: z.string() }),
      run: (args) => {
        state.forwarding = args.address;
        return { status: 'forwarding on' };
      },
    }),
    tool(
      {
        name: 'change_password',
        description: "Change the password of the user's account.",
        domain: 'account',
        sideEffects: true,
        input: z.object({ new_password: z.string() }),
        run: (args) => {
          state.password = args.new_password;
          return { status: 'password changed' };
        },
      },
      { credentials: ['new_password'] },
    ),
    kit.webPage(pages),
  ];
  return { state, tools, runs: kit.runs, owner: { values: [ME] } };
}
