import type { Context } from 'koa';

/** Temporary handler for routes whose controller is being written. */
export const notImplemented = (ctx: Context) => {
  ctx.status = 501;
  ctx.body = {
    data: null,
    error: { status: 501, name: 'NotImplemented', message: 'En construcción.' },
  };
};
