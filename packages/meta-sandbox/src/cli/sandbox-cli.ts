import { startMetaSandbox } from '../start-meta-sandbox';
import { controlUrl, parseCliArgs, USAGE } from './cli-args';

async function main(argv: readonly string[]): Promise<void> {
  const command = parseCliArgs(argv);
  switch (command.kind) {
    case 'usage':
      if (command.error !== undefined) console.error(command.error);
      console.log(USAGE);
      process.exitCode = command.error === undefined ? 0 : 2;
      return;
    case 'start': {
      const webhooks = { url: command.webhookUrl, ...(command.appSecret === undefined ? {} : { appSecret: command.appSecret }) };
      const sandbox = await startMetaSandbox({ port: command.port, accessToken: command.token, webhooks });
      console.log(`Meta sandbox on ${sandbox.url} (webhooks to ${command.webhookUrl ?? 'nowhere'})`);
      process.once('SIGINT', () => void sandbox.stop().then(() => process.exit(0)));
      return;
    }
    case 'control': {
      const response = await fetch(`${controlUrl(argv)}/_sandbox/${command.path}`, {
        method: command.method,
        ...(command.body === undefined ? {} : { body: JSON.stringify(command.body) }),
      });
      console.log(JSON.stringify(await response.json(), null, 2));
      if (!response.ok) process.exitCode = 1;
    }
  }
}

main(process.argv.slice(2)).catch((cause: unknown) => {
  console.error(cause);
  process.exitCode = 1;
});
