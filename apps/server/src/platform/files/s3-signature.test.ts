import { describe, expect, it } from 'vitest';
import {
  EMPTY_PAYLOAD_SHA256,
  authorization,
  canonicalRequest,
  encodeKeyPath,
  signature,
  stringToSign,
  toAmzDate,
  type SigV4Request,
} from './s3-signature.ts';

// The worked examples of the S3 API Reference, "Signature Calculations for the Authorization Header: Transferring
// Payload in a Single Chunk (AWS Signature Version 4)", section "Examples"
// (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html), with the documentation's example
// credentials. Each row checks the published hash of the canonical request and the published signature.
const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const scope = { amzDate: '20130524T000000Z', region: 'us-east-1', service: 's3' };
const host = 'examplebucket.s3.amazonaws.com';

const examples: { name: string; request: SigV4Request; canonicalHash: string; signature: string }[] = [
  {
    name: 'GET Object with a Range header',
    request: {
      method: 'GET',
      path: '/test.txt',
      headers: {
        Host: host,
        Range: 'bytes=0-9',
        'x-amz-content-sha256': EMPTY_PAYLOAD_SHA256,
        'x-amz-date': '20130524T000000Z',
      },
      payloadHash: EMPTY_PAYLOAD_SHA256,
    },
    canonicalHash: '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    signature: 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  },
  {
    name: 'PUT Object "test$file.text" with a storage class',
    request: {
      method: 'PUT',
      path: `/${encodeKeyPath('test$file.text')}`,
      headers: {
        Date: 'Fri, 24 May 2013 00:00:00 GMT',
        Host: host,
        'x-amz-date': '20130524T000000Z',
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        'x-amz-content-sha256': '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
      },
      payloadHash: '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
    },
    canonicalHash: '9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d',
    signature: '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
  },
  {
    name: 'GET Bucket Lifecycle (a query parameter without a value)',
    request: {
      method: 'GET',
      path: '/',
      query: { lifecycle: '' },
      headers: { Host: host, 'x-amz-date': '20130524T000000Z', 'x-amz-content-sha256': EMPTY_PAYLOAD_SHA256 },
      payloadHash: EMPTY_PAYLOAD_SHA256,
    },
    canonicalHash: '9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca',
    signature: 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
  },
  {
    name: 'Get Bucket (List Objects), query parameters sorted',
    request: {
      method: 'GET',
      path: '/',
      query: { prefix: 'J', 'max-keys': '2' },
      headers: { Host: host, 'x-amz-date': '20130524T000000Z', 'x-amz-content-sha256': EMPTY_PAYLOAD_SHA256 },
      payloadHash: EMPTY_PAYLOAD_SHA256,
    },
    canonicalHash: 'df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7',
    signature: '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
  },
];

describe('AWS Signature Version 4 (published S3 examples)', () => {
  it.each(examples)('$name', (example) => {
    const { canonical } = canonicalRequest(example.request);
    expect(stringToSign(canonical, scope).split('\n').at(-1)).toBe(example.canonicalHash);
    expect(signature(example.request, credentials, scope)).toBe(example.signature);
  });

  it('builds the documented Authorization header of the GET Object example', () => {
    expect(authorization(examples[0]!.request, credentials, scope)).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('formats x-amz-date and encodes key paths segment by segment', () => {
    expect(toAmzDate(new Date('2013-05-24T00:00:00.000Z'))).toBe('20130524T000000Z');
    expect(encodeKeyPath('documents/org 1/report (1).pdf')).toBe('documents/org%201/report%20%281%29.pdf');
  });
});
