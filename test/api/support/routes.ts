import { INestApplication, RequestMethod } from '@nestjs/common';
import {
  METHOD_METADATA,
  MODULE_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ZodPipe } from '@heard/api/platform/errors/zod.pipe';
import type { z } from 'zod';
import { ACCESS_KEY, AccessRule, DURING_SIGN_IN_KEY } from '@heard/api/platform/auth/access.decorator';
import { FEATURE_MODULES } from '@heard/api/app/app.module';

export interface DeclaredRoute {
  method: string;
  path: string;
  rule: AccessRule | undefined;
  /** The half-signed-in steps (@DuringSignIn) this route also serves; empty for most. */
  duringSignIn: string[];
  handler: string;
  /** The zod contracts its body and query are checked against, when it has them (for the fuzzer). */
  body?: z.ZodType;
  query?: z.ZodType;
}

interface RouteArgument {
  index: number;
  pipes?: unknown[];
}

/** The schema of the ZodPipe on the route's @Body() or @Query(), read from Nest's metadata. */
function zodSchemaOf(
  controller: new (...args: never[]) => object,
  name: string,
  paramType: RouteParamtypes,
): z.ZodType | undefined {
  const args: Record<string, RouteArgument> =
    Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
  for (const [key, arg] of Object.entries(args)) {
    if (!key.startsWith(`${paramType}:`)) continue;
    const pipe = arg.pipes?.find((p): p is ZodPipe<z.ZodType> => p instanceof ZodPipe);
    // The schema is private to the pipe; the fuzzer reads it rather than keep a second copy.
    if (pipe) return pipe['schema'];
  }
  return undefined;
}

const joinPath = (...parts: string[]) =>
  '/' +
  parts
    .map((p) => p.replace(/^\/|\/$/g, ''))
    .filter(Boolean)
    .join('/');

/** Every controller method of every feature module, with the access rule Nest will see. */
export function declaredRoutes(): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const module of FEATURE_MODULES) {
    const controllers: (new (...args: never[]) => object)[] =
      Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) ?? [];
    for (const controller of controllers) {
      const base: string = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
      const classRule: AccessRule | undefined = Reflect.getMetadata(ACCESS_KEY, controller);
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const fn = proto[name];
        if (name === 'constructor' || typeof fn !== 'function') continue;
        const path: string | undefined = Reflect.getMetadata(PATH_METADATA, fn);
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod];
        routes.push({
          method,
          path: joinPath('api', base, path),
          rule: Reflect.getMetadata(ACCESS_KEY, fn) ?? classRule,
          duringSignIn: Reflect.getMetadata(DURING_SIGN_IN_KEY, fn) ?? [],
          handler: `${controller.name}.${name}`,
          body: zodSchemaOf(controller, name, RouteParamtypes.BODY),
          query: zodSchemaOf(controller, name, RouteParamtypes.QUERY),
        });
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** What Express actually serves, so a controller outside FEATURE_MODULES cannot hide. */
export function registeredRoutes(app: INestApplication): { method: string; path: string }[] {
  const server = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return server.router.stack
    .filter((layer) => layer.route)
    .flatMap((layer) =>
      Object.keys(layer.route!.methods).map((m) => ({ method: m.toUpperCase(), path: layer.route!.path })),
    )
    .filter((r) => r.path.startsWith('/api') && !r.path.startsWith('/api/docs'));
}
