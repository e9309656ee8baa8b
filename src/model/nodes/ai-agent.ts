// Node kind AIAgent: An AI agent or assistant that acts through tools and credentials (MCP client, copilot, autonomous agent).
import type { NodeSpec } from './spec.js';

export const aiAgent = {
  kind: 'AIAgent',
  category: 'identity',
  prefix: 'agent',
  isSource: true,
  summary: 'An AI agent or assistant that acts through tools and credentials (MCP client, copilot, autonomous agent).',
  props: {
    framework: { type: 'string', summary: 'Agent framework or client (langchain, claude-desktop, cursor…).' },
    host: { type: 'string', summary: 'Host or user profile the agent runs on.' },
  },
} as const satisfies NodeSpec;
