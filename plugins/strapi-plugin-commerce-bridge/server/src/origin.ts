import { AsyncLocalStorage } from 'node:async_hooks';

const medusaWrites = new AsyncLocalStorage<true>();

/** Runs writes that came from Medusa; the publish middleware does not send them back. */
export const asMedusaWrite = <T>(write: () => Promise<T>): Promise<T> => medusaWrites.run(true, write);

export const isMedusaWrite = (): boolean => medusaWrites.getStore() === true;
