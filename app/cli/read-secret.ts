// Reads a password for the CLI: from a hidden prompt on a terminal, or the first line of stdin when piped.
import { createInterface } from "node:readline";

export async function readSecret(prompt: string, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  const rl = createInterface({ input, output: process.stdout, terminal: true });
  // Echo nothing while the password is typed.
  const writable = rl as unknown as { _writeToOutput: (s: string) => void };
  let prompted = false;
  writable._writeToOutput = (s: string) => {
    if (!prompted) {
      process.stdout.write(s);
      prompted = true;
    }
  };
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}
