import * as React from 'react';
import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { Check, Duplicate } from '@strapi/icons';
import { styled } from 'styled-components';
import { useT } from '../hooks/useT';

/** The link is long and has no spaces: it wraps anywhere inside its box instead of overflowing. */
const UrlBox = styled(Box)`
  overflow-wrap: anywhere;
  word-break: break-all;
  max-width: 100%;
`;

/**
 * Copies text to the clipboard: the Clipboard API where the page may use it (HTTPS or localhost),
 * otherwise the older copy command on a hidden text area. False when neither worked.
 */
export const copyText = async (text: string): Promise<boolean> => {
  try {
    if (window.isSecureContext && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions, focus): try the older way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
};

interface ApprovalLinkNoticeProps {
  url: string;
  /** When the link stops working, as staff read it. */
  expiresAt: string;
}

/** The area's approval link after a proposal is sent for review: shown whole, and copied in a click. */
export const ApprovalLinkNotice = ({ url, expiresAt }: ApprovalLinkNoticeProps) => {
  const t = useT();
  const urlRef = React.useRef<HTMLDivElement>(null);
  const [copied, setCopied] = React.useState<'yes' | 'no' | null>(null);
  const titleId = React.useId();

  const copy = async () => {
    const done = await copyText(url);
    setCopied(done ? 'yes' : 'no');
    if (!done && urlRef.current) {
      // Leave the link selected so Ctrl+C copies it.
      const range = document.createRange();
      range.selectNodeContents(urlRef.current);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
  };

  return (
    <Box
      tag="section"
      aria-labelledby={titleId}
      background="success100"
      borderColor="success200"
      borderStyle="solid"
      borderWidth="1px"
      hasRadius
      padding={4}
      data-testid="approval-link"
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography id={titleId} fontWeight="bold" textColor="neutral800">
          {t('transition.approvalLink.title', 'Enlace de aprobación para el área')}
        </Typography>
        <Typography textColor="neutral800">
          {t(
            'transition.approvalLink.body',
            'Envíalo al área: sirve una sola vez y vence el {expiresAt}.',
            { expiresAt }
          )}
        </Typography>
        <UrlBox
          ref={urlRef}
          background="neutral0"
          borderColor="neutral200"
          borderStyle="solid"
          borderWidth="1px"
          hasRadius
          padding={3}
          data-testid="approval-link-url"
        >
          <Link href={url} isExternal>
            {url}
          </Link>
        </UrlBox>
        <Flex gap={3} wrap="wrap">
          <Button
            variant="secondary"
            startIcon={copied === 'yes' ? <Check /> : <Duplicate />}
            onClick={copy}
          >
            {t('transition.approvalLink.copy', 'Copiar enlace')}
          </Button>
          <Typography variant="pi" textColor="neutral800" role="status">
            {copied === 'yes'
              ? t('transition.approvalLink.copied', 'Enlace copiado: pégalo en tu mensaje al área.')
              : copied === 'no'
                ? t(
                    'transition.approvalLink.copyFailed',
                    'El navegador no permitió copiar: el enlace quedó seleccionado, cópialo con Ctrl+C.'
                  )
                : null}
          </Typography>
        </Flex>
      </Flex>
    </Box>
  );
};
