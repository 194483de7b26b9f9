/** A terminal (or anything standing in for one) the prompt can switch to raw mode. */
export interface PromptInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export class PromptAbortedError extends Error {}

/**
 * Asks for a password on a terminal without echoing it: raw mode, keys read one by one,
 * backspace honoured, Ctrl-C or Ctrl-D on an empty line aborts.
 */
export function promptPassword(
  input: PromptInput,
  output: NodeJS.WritableStream,
  question: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    output.write(question);
    input.setRawMode?.(true);
    input.resume();
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || (char === '\u0004' && typed === '')) {
          return finish(new PromptAbortedError('aborted'));
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}

/** All of a piped stdin, minus the one line break `echo` or a file adds. */
export async function readPasswordFromStream(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += chunk.toString();
  return text.replace(/\r?\n$/, '');
}
