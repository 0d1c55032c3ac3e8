import type { Logger } from './logger';

/**
 * Stops the service cleanly on SIGTERM or SIGINT (once): runs `stop` (finish the work in hand,
 * commit, disconnect), then exits 0, or 1 when stopping failed.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<unknown>, exit: (code: number) => void = (code) => process.exit(code)): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    stop().then(
      () => exit(0),
      (error: unknown) => {
        logger.error('unclean stop', { error: error instanceof Error ? error.stack : String(error) });
        exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
