// The one global pipe: what clients send is checked for storable text (TextInputPipe), then
// validated and transformed (ValidationPipe), in that order. Custom parameters (a resolver's
// parent, context, viewer) pass straight through: neither pipe changes them (ValidationPipe
// skips custom decorators unless validateCustomDecorators), and skipping them here spares the
// two async pipe steps every field resolver parameter otherwise costs (the largest allocator of
// a team page request in the allocation profile).
import { ArgumentMetadata, Injectable, PipeTransform, ValidationPipe } from '@nestjs/common';
import { TextInputPipe } from './text-input.pipe';

@Injectable()
export class ClientInputPipe implements PipeTransform {
  private readonly text = new TextInputPipe();

  constructor(private readonly validation: ValidationPipe) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    return this.validation.transform(this.text.transform(value, metadata), metadata);
  }
}
