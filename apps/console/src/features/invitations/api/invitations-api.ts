import { api } from '../../../api/client';

export const invitationsApi = {
  accept: (input: { token: string; password: string; phone?: string }) =>
    api.post<unknown>('/invitations/accept', input),
};
