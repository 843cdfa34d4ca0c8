// Server-side messages (notifications, code-action titles) in the UI language.
import type { Locale } from '../analysis/types';
import { fillTemplate } from '../analysis/text/template';
import { messages } from '../messages';

export type MessageId = keyof typeof messages;

export function t(locale: Locale, id: MessageId, args: Record<string, string> = {}): string {
  return fillTemplate(messages[id][locale], args);
}
