import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

describe('Markdown', () => {
  it('renders headings, lists, emphasis and code', () => {
    const { container } = render(
      <Markdown
        source={
          '# Notre idée\n\nUne appli **simple** et *discrète*.\n\n- écouter\n- agir\n\n`code`'
        }
      />,
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Notre idée' })).toBeInTheDocument();
    expect(container.querySelector('strong')).toHaveTextContent('simple');
    expect(container.querySelector('em')).toHaveTextContent('discrète');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(container.querySelector('code')).toHaveTextContent('code');
  });

  it('never interprets raw HTML', () => {
    const { container } = render(
      <Markdown source={'<img src=x onerror="alert(1)"> <script>alert(1)</script>'} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container).toHaveTextContent('<img src=x onerror="alert(1)">');
  });

  it('links only to web addresses', () => {
    render(<Markdown source={'[site](https://exemple.fr) [piège](javascript:alert(1))'} />);
    expect(screen.getByRole('link', { name: 'site' })).toHaveAttribute(
      'href',
      'https://exemple.fr/',
    );
    expect(screen.queryByRole('link', { name: 'piège' })).toBeNull();
  });
});
