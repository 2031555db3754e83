// The one polite live region of a live list: says what just changed, without moving focus.
import { Text } from '@mantine/core';

export function LiveStatus({ message }: { message: string | null }) {
  return (
    <Text size="sm" c="dimmed" role="status" aria-live="polite" aria-atomic="true" mih="1.5em">
      {message ?? ''}
    </Text>
  );
}
