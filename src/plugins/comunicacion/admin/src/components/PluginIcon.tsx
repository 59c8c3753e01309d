import { Discuss } from '@strapi/icons';
import { styled } from 'styled-components';
import { useUnreadCountQuery } from '../services/notifications';

const Frame = styled.span`
  position: relative;
  display: inline-flex;
`;

const Count = styled.span`
  position: absolute;
  top: -0.7rem;
  right: -1rem;
  min-width: 1.6rem;
  height: 1.6rem;
  padding: 0 0.4rem;
  border-radius: 0.8rem;
  background: ${({ theme }) => theme.colors.danger600};
  color: ${({ theme }) => theme.colors.neutral0};
  font-size: 1rem;
  font-weight: 600;
  line-height: 1.6rem;
  text-align: center;
`;

/**
 * The plugin's entry in the main menu: speech bubbles (the content manager has the feather) with
 * the staff member's unread notices. Strapi's menu reads a link's count only once, so the live
 * count is drawn here; the menu hides the icon from screen readers and names the link.
 */
export const PluginIcon = (props: React.SVGProps<SVGSVGElement>) => {
  const { data: count } = useUnreadCountQuery();
  return (
    <Frame data-testid="plugin-menu-icon">
      <Discuss {...(props as object)} />
      {count ? <Count data-testid="plugin-menu-unread">{count > 99 ? '99+' : count}</Count> : null}
    </Frame>
  );
};
