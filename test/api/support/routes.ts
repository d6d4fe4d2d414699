import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ACCESS_KEY, AccessRule, DURING_SIGN_IN_KEY } from '@heard/api/platform/auth/access.decorator';
import { FEATURE_MODULES } from '@heard/api/app/app.module';

export interface DeclaredRoute {
  method: string;
  path: string;
  rule: AccessRule | undefined;
  /** The half-signed-in steps (@DuringSignIn) this route also serves; empty for most. */
  duringSignIn: string[];
  handler: string;
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
