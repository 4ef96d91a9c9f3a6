import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { STYLESHEET_PATH } from '../assets/stylesheet';

/** Every page: the airline's header and navigation, the page's own content, one stylesheet. */
export function Layout({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · BrownField Airline`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href="/">
            BrownField <span>Airline</span>
          </a>
          <nav aria-label="Main">
            <a href="/">Book a flight</a>
            <a href="/manage">Manage booking</a>
          </nav>
        </header>
        <main id="main">
          <h1>{title}</h1>
          {children}
        </main>
        <footer class="site">BrownField Airline · Passenger services</footer>
      </body>
    </html>
  );
}

export interface FieldProps {
  label: string;
  name: string;
  value?: string;
  error?: string;
  type?: 'text' | 'date' | 'number';
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  pattern?: string;
  min?: string | number;
  max?: string | number;
}

/** A labelled input; its error, when it has one, is beside it and announced with it. */
export function Field({ label, name, value, error, hint, type = 'text', ...input }: FieldProps) {
  const described = [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ');
  // Preact types each input type apart; this one is any of the three.
  const inputAttributes = {
    id: name,
    name,
    type,
    value: value ?? '',
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': described || undefined,
    ...input,
  } as InputHTMLAttributes<HTMLInputElement>;
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={name}>{label}</label>
      {hint && (
        <span class="hint" id={`${name}-hint`}>
          {hint}
        </span>
      )}
      <input {...inputAttributes} />
      {error && (
        <span class="error" id={`${name}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** A message for the whole page: what went wrong, in a sentence, announced to screen readers. */
export function Notice({ tone, children }: { tone: 'error' | 'info'; children: ComponentChildren }) {
  return (
    <div class={`notice ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** The hidden field every form that changes something carries. */
export const CsrfField = ({ token }: { token: string }) => <input type="hidden" name="_csrf" value={token} />;
