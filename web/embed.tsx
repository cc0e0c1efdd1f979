import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type BuilderSettings, embedOf } from '../lambdas/site/snippets.ts';
import { CopyButton } from './copy.tsx';
import './site.css';

const root = document.getElementById('builder')!;
const settings = JSON.parse(root.dataset.settings!) as BuilderSettings;

interface Options {
  id: string;
  resource: string;
  theme: string;
  label: string;
  color: string;
  labelColor: string;
  digits: string;
  show: string;
  scheme: string;
}

/** Typing in a field must not fetch an image per keystroke. */
const previewDelayMs = 250;

const Field = ({ name, label, hint, ...input }: { name: keyof Options; label: string; hint?: string } & Record<string, unknown>) => (
  <div class="field">
    <label for={name}>{label}</label>
    <input id={name} name={name} aria-describedby={hint ? `${name}-hint` : undefined} {...input} />
    {hint && (
      <small id={`${name}-hint`} class="hint">
        {hint}
      </small>
    )}
  </div>
);

const Choice = ({ name, label, choices, value, onChange }: { name: keyof Options; label: string; choices: readonly string[]; value: string; onChange: (value: string) => void }) => (
  <div class="field">
    <label for={name}>{label}</label>
    <select id={name} name={name} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
      {choices.map((choice) => (
        <option value={choice}>{choice}</option>
      ))}
    </select>
  </div>
);

const Builder = () => {
  const [options, setOptions] = useState<Options>({
    id: settings.id,
    resource: 'home',
    theme: settings.themes[0],
    label: 'visits',
    color: '',
    labelColor: '',
    digits: '',
    show: settings.show[0],
    scheme: settings.scheme[0],
  });
  const [valid, setValid] = useState(true);
  const set = (name: keyof Options) => (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    setOptions({ ...options, [name]: input.value });
    setValid(input.form ? input.form.checkValidity() : true);
  };
  const choose = (name: keyof Options) => (value: string) => setOptions({ ...options, [name]: value });

  // Empty fields and default choices are left out: shorter snippets, and the image shows the theme's own defaults.
  const chosen = <T extends string>(value: string, choices: readonly string[]) => (value === choices[0] ? undefined : (value as T));
  const embed = embedOf(settings.baseUrl, options.id, options.resource, {
    theme: chosen(options.theme, settings.themes),
    label: options.label || undefined,
    color: options.color || undefined,
    labelColor: options.labelColor || undefined,
    digits: options.digits ? Number(options.digits) : undefined,
    show: chosen(options.show, settings.show),
    scheme: chosen(options.scheme, settings.scheme),
  });
  const [preview, setPreview] = useState(embed.previewUrl);
  const [loaded, setLoaded] = useState<'loading' | 'loaded' | 'failed'>('loading');
  useEffect(() => {
    if (!valid || embed.previewUrl === preview) return undefined;
    const timer = setTimeout(() => {
      setLoaded('loading');
      setPreview(embed.previewUrl);
    }, previewDelayMs);
    return () => clearTimeout(timer);
  }, [embed.previewUrl, valid]);

  const snippets = [
    { name: 'Markdown', text: embed.markdown },
    { name: 'HTML', text: embed.html },
    { name: 'URL', text: embed.url },
  ];
  return (
    <div class="builder">
      {/* A form for its validity checks only: nothing submits it. */}
      <form class="options" onSubmit={(event) => event.preventDefault()} noValidate>
        <fieldset>
          <legend>Counter</legend>
          <Field name="id" label="Id (your site)" value={options.id} onInput={set('id')} required pattern={settings.namePattern} hint="3 to 64 letters, digits, dots, dashes or underscores" />
          <Field name="resource" label="Resource (the page)" value={options.resource} onInput={set('resource')} required pattern={settings.namePattern} />
        </fieldset>
        <fieldset>
          <legend>Image</legend>
          <Choice name="theme" label="Theme" choices={settings.themes} value={options.theme} onChange={choose('theme')} />
          <Field name="label" label="Label" value={options.label} onInput={set('label')} maxLength={settings.maxLabelLength} hint={`At most ${settings.maxLabelLength} characters; empty for the theme's own`} />
          <Field name="color" label="Colour" value={options.color} onInput={set('color')} pattern={settings.colorPattern} placeholder="#4c1" hint="Hex, 3 to 8 digits; empty for the theme's" />
          <Field name="labelColor" label="Label colour" value={options.labelColor} onInput={set('labelColor')} pattern={settings.colorPattern} placeholder="#555" />
          <Field name="digits" label="Minimum digits" type="number" inputMode="numeric" min={1} max={settings.maxDigits} value={options.digits} onInput={set('digits')} hint={`1 to ${settings.maxDigits}; empty for none`} />
          <Choice name="show" label="Show" choices={settings.show} value={options.show} onChange={choose('show')} />
          <Choice name="scheme" label="Colour scheme" choices={settings.scheme} value={options.scheme} onChange={choose('scheme')} />
        </fieldset>
      </form>
      <section class="result" aria-labelledby="preview-title">
        <h2 id="preview-title">Preview</h2>
        <p class="preview">
          <img src={preview} alt={`Preview of the counter ${options.label}`} onLoad={() => setLoaded('loaded')} onError={() => setLoaded('failed')} />
        </p>
        <p class="note" role="status">
          {!valid ? 'Fix the highlighted fields to update the preview.' : loaded === 'failed' ? 'The image did not load.' : 'The preview reads the counter without counting (mode=read).'}
        </p>
        <h2>Copy</h2>
        {snippets.map(({ name, text }) => (
          <figure class="snippet">
            <figcaption>{name}</figcaption>
            <pre id={`snippet-${name}`}>
              <code>{text}</code>
            </pre>
            <CopyButton text={text} label={name} target={() => document.getElementById(`snippet-${name}`)} />
          </figure>
        ))}
      </section>
    </div>
  );
};

render(<Builder />, root);
