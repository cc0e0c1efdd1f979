import { useState } from 'preact/hooks';

/**
 * A button that copies a snippet, saying so where screen readers hear it. Where the clipboard is
 * refused (an insecure origin, a denied permission) the text is selected instead, for Ctrl+C.
 */
export const CopyButton = ({ text, label, target }: { text: string; label: string; target: () => Element | null }) => {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied');
    } catch {
      const element = target();
      if (element) getSelection()?.selectAllChildren(element);
      setStatus('Selected: press Ctrl+C');
    }
    setTimeout(() => setStatus(''), 2000);
  };
  return (
    <span class="copy">
      <button type="button" onClick={copy}>
        Copy<span class="visually-hidden"> {label}</span>
      </button>
      <span class="copy-status" role="status">
        {status}
      </span>
    </span>
  );
};
