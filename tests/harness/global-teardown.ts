import { dropTemplate } from './database';

/** Once per run, after every test file: the template database goes. */
export default async function globalTeardown() {
  await dropTemplate();
}
