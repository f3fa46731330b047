import { OGC_COLLECTIONS } from './collections';
import { MAX_LIMIT } from './http';

/** The OpenAPI 3.0 definition of the /ogc endpoints (OGC API – Features, /conf/oas30). */
export function openApiDocument(base: string) {
	const json = { 'application/json': { schema: { type: 'object' } } };
	const geojson = { 'application/geo+json': { schema: { type: 'object' } } };
	const collectionParam = { name: 'collectionId', in: 'path', required: true, schema: { type: 'string', enum: OGC_COLLECTIONS.map((c) => c.id) } };
	return {
		openapi: '3.0.3',
		info: { title: 'digonce OGC API – Features', version: '1.0.0', description: 'Public layers of the old-neighbourhood renovation map (demo data).' },
		servers: [{ url: base }],
		paths: {
			'/': { get: { operationId: 'getLandingPage', responses: { '200': { description: 'Landing page', content: json } } } },
			'/conformance': { get: { operationId: 'getConformance', responses: { '200': { description: 'Conformance classes', content: json } } } },
			'/collections': { get: { operationId: 'getCollections', responses: { '200': { description: 'Collections', content: json } } } },
			'/collections/{collectionId}': {
				get: {
					operationId: 'describeCollection',
					parameters: [collectionParam],
					responses: { '200': { description: 'Collection', content: json }, '404': { description: 'No such collection' } }
				}
			},
			'/collections/{collectionId}/items': {
				get: {
					operationId: 'getFeatures',
					parameters: [
						collectionParam,
						{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 100 } },
						{ name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
						{ name: 'bbox', in: 'query', style: 'form', explode: false, schema: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } } },
						{ name: 'datetime', in: 'query', schema: { type: 'string' } }
					],
					responses: { '200': { description: 'Features', content: geojson }, '400': { description: 'Bad parameter', content: json } }
				}
			},
			'/collections/{collectionId}/items/{featureId}': {
				get: {
					operationId: 'getFeature',
					parameters: [collectionParam, { name: 'featureId', in: 'path', required: true, schema: { type: 'string' } }],
					responses: { '200': { description: 'Feature', content: geojson }, '404': { description: 'No such feature' } }
				}
			}
		}
	};
}
