import { useCallback, useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuthSession, SessionUser } from '@contract/api';
import { fetchMe, login, logout, queryKeys } from '../lib/api';

/** The session and the actions that change it. */
export interface AuthState {
  /** undefined while the first GET /api/auth/me is in flight. */
  user: SessionUser | null | undefined;
  csrfToken: string | null;
  /** Editors and admins may edit; every account is one of the two. */
  canEdit: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Re-reads the session, e.g. after a 401/403 on a write. */
  refresh: () => void;
}

/** The signed-in user (GET /api/auth/me, cached under queryKeys.me) with sign-in and sign-out. */
export function useAuth(): AuthState {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: queryKeys.me, queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000, retry: 1 });
  const { mutateAsync: doSignIn } = useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => login(username, password),
    onSuccess: (session: AuthSession) => queryClient.setQueryData(queryKeys.me, session),
  });
  const { mutateAsync: doSignOut } = useMutation({
    mutationFn: logout,
    onSettled: () => queryClient.setQueryData<AuthSession>(queryKeys.me, { user: null, csrfToken: null }),
  });
  const signIn = useCallback(
    async (username: string, password: string) => {
      await doSignIn({ username, password });
    },
    [doSignIn],
  );
  const signOut = useCallback(async () => {
    await doSignOut();
  }, [doSignOut]);
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: queryKeys.me }), [queryClient]);
  const user = me.data ? me.data.user : me.isError ? null : undefined;
  const csrfToken = me.data?.csrfToken ?? null;
  return useMemo(
    () => ({ user, csrfToken, canEdit: user?.role === 'editor' || user?.role === 'admin', signIn, signOut, refresh }),
    [user, csrfToken, signIn, signOut, refresh],
  );
}
