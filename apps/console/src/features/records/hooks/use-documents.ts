import type { RecordDocument } from '@careloop/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { recordsApi } from '../api/records-api';
import { uploadForm } from '../../../api/files';
import type { DocumentKind } from '../lib/record-types';
import { recordKeys } from './record-keys';

export function useDocuments(patientId: string) {
  return useInfiniteQuery({
    queryKey: recordKeys.documents(patientId),
    queryFn: ({ pageParam }) => recordsApi.documents(patientId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export interface DocumentUpload {
  file: File;
  kind: DocumentKind;
  title: string;
  documentDate?: string;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}

export function useUploadDocument(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, kind, title, documentDate, onProgress, signal }: DocumentUpload) => {
      // Fields before the file: the server reads them first and refuses early when they are wrong.
      const form = new FormData();
      form.append('kind', kind);
      form.append('title', title);
      if (documentDate) form.append('documentDate', documentDate);
      form.append('file', file, file.name);
      const answer = await uploadForm<RecordDocument>(
        recordsApi.documentsPath(patientId),
        form,
        onProgress,
        signal,
      );
      return { document: answer.body, created: answer.status === 201 };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.patient(patientId) }),
  });
}

export function useDeleteDocument(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) => recordsApi.deleteDocument(patientId, documentId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: recordKeys.patient(patientId) }),
  });
}
