import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import { signInAs } from '../../testing/session';
import groupsRoutes from '../groups/groups.routes';
import youngPeopleRoutes from './young-people.routes';

describe('young people and groups routes', () => {
  async function visit(role: Role, url: string): Promise<string> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'young-people', loadChildren: () => Promise.resolve(youngPeopleRoutes) },
          { path: 'groups', loadChildren: () => Promise.resolve(groupsRoutes) },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    await signInAs(role);
    const router = TestBed.inject(Router);
    await router.navigateByUrl(url);
    return router.url;
  }

  it.each(['/young-people/new', '/young-people/3f2b/edit'])(
    'sends practitioners from %s to the list',
    async (url) => {
      expect(await visit(Role.Practitioner, url)).toBe('/young-people');
    },
  );

  it('lets officers add young people', async () => {
    expect(await visit(Role.ParticipationOfficer, '/young-people/new')).toBe('/young-people/new');
  });

  it('puts fixed group paths before the group id, so "calendar" is not read as an id', () => {
    const children = groupsRoutes[0].children ?? [];
    const paths = children.map((route) => route.path);
    for (const fixed of ['new', 'calendar', 'ageing-out', 'sessions/:id']) {
      expect(paths.indexOf(fixed)).toBeLessThan(paths.indexOf(':id'));
    }
  });

  it('never puts a young person’s name in a page title', () => {
    for (const route of youngPeopleRoutes[0].children ?? []) {
      expect(typeof route.title).toBe('string');
    }
  });
});
