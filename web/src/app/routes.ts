import type { ComponentType } from 'react';
import { normalizePath } from '../boot/early-requests';
import { EmbedShell } from '../public/EmbedShell';
import { PublicShell } from '../public/PublicShell';
import { StaffShell } from '../staff/StaffShell';
import type { UrlState } from '../url-state/url-state';
import type { SetUrl } from '../url-state/use-url-state';
import { WallScreen } from '../wall/WallScreen';

export interface RouteProps {
  url: UrlState;
  setUrl: SetUrl;
}

/** One line per page; any other path is the staff map (or its sign-in). */
const ROUTES: Readonly<Record<string, ComponentType<RouteProps>>> = {
  '/public': PublicShell,
  '/embed': EmbedShell,
  '/wall': WallScreen,
};

export function routeFor(pathname: string): ComponentType<RouteProps> {
  return ROUTES[normalizePath(pathname)] ?? StaffShell;
}
