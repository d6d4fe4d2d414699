import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { HeardTitleStrategy } from './title.strategy';

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
class Blank {}

describe('HeardTitleStrategy', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sign-in', title: 'Sign in', component: Blank },
          { path: 'untitled', component: Blank },
        ]),
        { provide: TitleStrategy, useClass: HeardTitleStrategy },
      ],
    });
  });

  it('adds the product name after the page title', async () => {
    await TestBed.inject(Router).navigateByUrl('/sign-in');
    expect(TestBed.inject(Title).getTitle()).toBe('Sign in – Heard');
  });

  it('uses the product name alone when a route has no title', async () => {
    await TestBed.inject(Router).navigateByUrl('/untitled');
    expect(TestBed.inject(Title).getTitle()).toBe('Heard');
  });
});
