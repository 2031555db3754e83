// Hackathon queries and the organizers' mutations: settings, tracks, criteria, phases.
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, Roles } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { badInput } from '../common/errors';
import { IdArg, OptionalIdArg } from '../common/id-arg';
import { HackathonPhase, Role } from '../graphql/enums';
import { CriterionInput } from './dto/criterion.input';
import { HackathonInput } from './dto/hackathon.input';
import { TrackInput } from './dto/track.input';
import { CriterionModel, HackathonModel, TrackModel } from './hackathon.model';
import { HackathonsService } from './hackathons.service';
import { TracksAndCriteriaService } from './tracks-and-criteria.service';

@Resolver(() => HackathonModel)
export class HackathonsResolver {
  constructor(
    private readonly hackathonsService: HackathonsService,
    private readonly tracksAndCriteria: TracksAndCriteriaService,
  ) {}

  @Public()
  @Query(() => [HackathonModel], {
    description:
      'Hackathons, the latest submission deadline first; DRAFT ones for organizers only.',
  })
  async hackathons(@CurrentViewer() viewer: Viewer): Promise<HackathonModel[]> {
    return (await this.hackathonsService.list(viewer)).map(HackathonModel.from);
  }

  @Public()
  @Query(() => HackathonModel, {
    nullable: true,
    description:
      'One hackathon by id or by slug (exactly one of them); null when missing or not visible.',
  })
  async hackathon(
    @CurrentViewer() viewer: Viewer,
    @OptionalIdArg('id', 'The hackathon’s id.') id?: string | null,
    @Args('slug', { type: () => String, nullable: true, description: 'The hackathon’s slug.' })
    slug?: string | null,
  ): Promise<HackathonModel | null> {
    if ((id == null) === (slug == null)) {
      const message = 'give exactly one of id and slug';
      throw badInput({ id: message, slug: message });
    }
    const h = await this.hackathonsService.findVisible(
      viewer,
      id != null ? { id } : { slug: slug! },
    );
    return h && HackathonModel.from(h);
  }

  @Roles(Role.ORGANIZER)
  @Mutation(() => HackathonModel, { description: 'Creates a hackathon in DRAFT (organizers).' })
  async createHackathon(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The settings.' }) input: HackathonInput,
  ): Promise<HackathonModel> {
    return HackathonModel.from(await this.hackathonsService.create(viewer, input));
  }

  @Roles(Role.ORGANIZER)
  @Mutation(() => HackathonModel, {
    description: 'Replaces the settings of a hackathon (organizers; not once ARCHIVED).',
  })
  async updateHackathon(
    @CurrentViewer() viewer: Viewer,
    @IdArg('id', 'The hackathon.') id: string,
    @Args('input', { description: 'The new settings.' }) input: HackathonInput,
  ): Promise<HackathonModel> {
    return HackathonModel.from(await this.hackathonsService.update(viewer, id, input));
  }

  @Roles(Role.ORGANIZER)
  @Mutation(() => TrackModel, { description: 'Adds a track (organizers; not once ARCHIVED).' })
  async addTrack(
    @CurrentViewer() viewer: Viewer,
    @IdArg('hackathonId', 'The hackathon.') hackathonId: string,
    @Args('input', { description: 'The track.' }) input: TrackInput,
  ): Promise<TrackModel> {
    return TrackModel.from(await this.tracksAndCriteria.addTrack(viewer, hackathonId, input));
  }

  @Roles(Role.ORGANIZER)
  @Mutation(() => CriterionModel, {
    description: 'Adds a judging criterion (organizers; only before JUDGING).',
  })
  async addCriterion(
    @CurrentViewer() viewer: Viewer,
    @IdArg('hackathonId', 'The hackathon.') hackathonId: string,
    @Args('input', { description: 'The criterion.' }) input: CriterionInput,
  ): Promise<CriterionModel> {
    return CriterionModel.from(
      await this.tracksAndCriteria.addCriterion(viewer, hackathonId, input),
    );
  }

  @Roles(Role.ORGANIZER)
  @Mutation(() => HackathonModel, {
    description:
      'Moves to the next phase (organizers); RESULTS may go back to JUDGING; ARCHIVED is final. Moving to RESULTS publishes the results.',
  })
  async setPhase(
    @CurrentViewer() viewer: Viewer,
    @IdArg('hackathonId', 'The hackathon.') hackathonId: string,
    @Args('phase', { type: () => HackathonPhase, description: 'The phase to move to.' })
    phase: HackathonPhase,
  ): Promise<HackathonModel> {
    return HackathonModel.from(
      await this.hackathonsService.setPhase(viewer.id, hackathonId, phase),
    );
  }
}
