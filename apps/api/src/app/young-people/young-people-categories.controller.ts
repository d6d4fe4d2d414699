import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  KeptListEntry,
  ListEntryChangeCommand,
  ListEntryChangeRequestSchema,
  ListEntryCommand,
  ListEntryRequestSchema,
  YOUNG_PEOPLE_CATEGORY_KEEPERS,
  YOUNG_PEOPLE_CATEGORY_READERS,
} from '@heard/domain';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { YoungPeopleCategoriesService } from './young-people-categories.service';

const categoryIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This category') });

/**
 * The team's categories of young people: administrators keep the list; whoever reads or records
 * young people reads it, to tick them on a record. Registered before YoungPeopleController, whose
 * `:id` would otherwise take "categories".
 */
@ApiTags('young-people')
@Controller('young-people/categories')
export class YoungPeopleCategoriesController {
  constructor(private readonly categories: YoungPeopleCategoriesService) {}

  @Get()
  @Allow(...YOUNG_PEOPLE_CATEGORY_READERS)
  list(): Promise<KeptListEntry[]> {
    return this.categories.list();
  }

  @Post()
  @Allow(...YOUNG_PEOPLE_CATEGORY_KEEPERS)
  add(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ListEntryRequestSchema)) body: ListEntryCommand,
  ): Promise<KeptListEntry> {
    return this.categories.add(actor, body);
  }

  @Patch(':id')
  @Allow(...YOUNG_PEOPLE_CATEGORY_KEEPERS)
  change(
    @CurrentActor() actor: Actor,
    @Param('id', categoryIdPipe) id: string,
    @Body(new ZodPipe(ListEntryChangeRequestSchema)) body: ListEntryChangeCommand,
  ): Promise<KeptListEntry> {
    return this.categories.change(actor, id, body);
  }
}
