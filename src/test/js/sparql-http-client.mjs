// sparql-http-client (the RDF/JS client) against an endpoint: SELECT, ASK, CONSTRUCT and DESCRIBE,
// by GET, POST form and POST direct. One line per request. Run by ClientsIT.
import ParsingClient from 'sparql-http-client/ParsingClient.js'

const endpointUrl = process.argv[2]
const client = new ParsingClient({ endpointUrl })
const select = 'PREFIX schema: <http://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }'
const construct = 'PREFIX schema: <http://schema.org/> CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }'
const describe = 'DESCRIBE <https://w3id.org/ai-industry-kg/id/person/liu-gang-cingai>'

for (const operation of ['get', 'postUrlencoded', 'postDirect']) {
  try {
    const rows = await client.query.select(select, { operation })
    console.log(`SELECT ${operation} ${JSON.stringify(rows.map(r => r.n.value).sort())}`)
    console.log(`ASK ${operation} ${await client.query.ask('ASK { ?s ?p ?o }', { operation })}`)
    const graph = await client.query.construct(construct, { operation })
    console.log(`CONSTRUCT ${operation} ${graph.size ?? [...graph].length}`)
    const description = await client.query.construct(describe, { operation })
    console.log(`DESCRIBE ${operation} ${(description.size ?? [...description].length) > 0}`)
  } catch (e) {
    console.log(`FAIL ${operation} ${e.message}`)
  }
}
